"""The queue of the comparison runs (compare_train.py): workers that take one
job at a time under a file lock, and the progress table.

    bash training/research/compare_queue.sh                        # npm run train:compare
    /usr/bin/python3 -m training.research.compare_worker --worker  # one worker
    /usr/bin/python3 -m training.research.compare_worker --status  # npm run train:compare:status
"""
import argparse
import fcntl
import os
import time

import numpy as np
import torch

from . import compare_train as C


class Lock:
    """A non-blocking exclusive lock on one job, released when the worker ends."""

    def __init__(self, name):
        os.makedirs(os.path.join(C.CACHE, "locks"), exist_ok=True)
        self.f = open(os.path.join(C.CACHE, "locks", name + ".lock"), "w")

    def __enter__(self):
        try:
            fcntl.flock(self.f, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def __exit__(self, *exc):
        fcntl.flock(self.f, fcntl.LOCK_UN)
        self.f.close()


def next_jobs(lr):
    """The jobs left, next first, as (lock name, function, args)."""
    if lr is None:
        jobs = [(f"lr-{n}-{c}", C.lr_check, (n, c)) for n in C.ORDER for c in C.LR_CANDIDATES
                if not os.path.exists(C.lr_check_path(n, c))]
    else:
        done = {n: C.epochs_done(n) for n in C.ORDER}
        todo = sorted((done[n], i, n) for i, n in enumerate(C.ORDER) if done[n] < C.RECIPE["epochs"])
        jobs = [(n, C.one_epoch, (n, lr)) for _, _, n in todo]
    return jobs


def smoke(folder):
    """A tiny queue in folder (256 images, ResmoNet only, 2 epochs) for the tests."""
    C.LOGS, C.CACHE = os.path.join(folder, "logs"), os.path.join(folder, "cache")
    C.RECIPE = {**C.RECIPE, "epochs": 2}
    C.LR_CANDIDATES, C.LR_CHECK, C.ORDER = (0.02, 0.08), {"images": 96, "epochs": 1}, ("resmonet",)


def worker(max_jobs=None, limit=None):
    torch.set_num_threads(1)
    data = C.Data(limit)
    while max_jobs is None or max_jobs > 0:
        lr = C.chosen_lr()
        jobs = next_jobs(lr)
        if lr is not None and not jobs:
            print("queue done", flush=True)
            return
        ran = False
        for name, fn, args in jobs:
            with Lock(name) as mine:
                # Re-check under the lock: another worker may have just finished it.
                if mine and (fn is C.one_epoch and C.epochs_done(args[0]) < C.RECIPE["epochs"]
                             or fn is C.lr_check and not os.path.exists(C.lr_check_path(*args))):
                    fn(*args, data)
                    ran = True
                    max_jobs = None if max_jobs is None else max_jobs - 1
            if ran:
                break
        if not ran:
            time.sleep(20)  # everything left is locked by the other worker


def status():
    lr = C.chosen_lr()
    print(f"learning rate: {lr if lr is not None else 'short runs not finished'}")
    print("| net | epochs | median s/epoch | best val acc (epoch) | mirror acc at best |")
    print("|---|---:|---:|---:|---:|")
    for n in C.ORDER:
        s = C.read_json(os.path.join(C.LOGS, f"{n}.json"), {"epoch": 0, "history": []})
        h = s["history"]
        if not h:
            print(f"| {n} | 0 | | | |")
            continue
        best = max(h, key=lambda r: r["val"]["plain"]["accuracy"])
        # Logs of a run whose checkpoint is not on this machine: it starts again at its next job.
        lost = "" if os.path.exists(os.path.join(C.net_dir(n), "last.pt")) else " (no checkpoint here: starts again)"
        print(f"| {n} | {s['epoch']}/{C.RECIPE['epochs']}{lost} | {np.median([r['seconds'] for r in h]):.0f} | "
              f"{best['val']['plain']['accuracy'] * 100:.2f}% ({best['epoch']}) | "
              f"{best['val']['mirror']['accuracy'] * 100:.2f}% |")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--worker", action="store_true", help="take jobs until the queue is done")
    p.add_argument("--status", action="store_true", help="print the progress table")
    p.add_argument("--max-jobs", type=int, help="stop after this many jobs")
    p.add_argument("--smoke", metavar="DIR", help="a tiny queue in DIR instead of the real one (tests)")
    a = p.parse_args(argv)
    if a.smoke:
        smoke(a.smoke)
    if a.worker:
        worker(a.max_jobs, 256 if a.smoke else None)
    else:
        status()


if __name__ == "__main__":
    main()
