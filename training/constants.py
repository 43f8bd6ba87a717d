"""Constants shared by training, shipping and the research scripts. Imports
nothing from training/, so any module can use it without an import cycle."""
import os

TRAINING_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TRAINING_DIR)
RUNS_DIR = os.path.join(TRAINING_DIR, "runs")
RECIPES_DIR = os.path.join(TRAINING_DIR, "recipes")

# The app feeds p * SCALE + OFFSET, i.e. pixels in [-1, 1].
SCALE, OFFSET = 1 / 127.5, -1.0
