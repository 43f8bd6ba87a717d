"""Where a run or an export came from: the git commit and the machine.
Imports nothing from training/."""
import os
import platform
import subprocess

import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def git_commit():
    try:
        return subprocess.check_output(["git", "rev-parse", "HEAD"], cwd=HERE, text=True,
                                       stderr=subprocess.DEVNULL).strip()
    except Exception:
        return "unknown"


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except Exception:
        pass
    return {"cpu": cpu, "cores": os.cpu_count(), "threads": torch.get_num_threads(),
            "os": platform.platform(), "python": platform.python_version(), "torch": torch.__version__}
