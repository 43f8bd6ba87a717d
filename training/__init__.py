"""ResmoNet training, evaluation and TensorFlow.js export (PyTorch 1.13, CPU)."""
