import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/model-files';

/**
 * The Python side has no import cycle: every module of training/ (research/ included) is parsed, its imports
 * of other training modules (relative or absolute, at any depth of the file) collected, and the graph searched
 * for a cycle. constants.py and provenance.py import nothing from training/, so anything can use them.
 */
const CHECK = `
import ast, json, os
root = "training"
mods = {}
for d, _, files in os.walk(root):
    for f in files:
        if f.endswith(".py"):
            path = os.path.join(d, f)
            mods[path[:-3].replace(os.sep, ".").removesuffix(".__init__")] = path
def deps(name, path):
    pkg = name if path.endswith("__init__.py") else name.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(open(path).read())):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = pkg.split(".")[: len(pkg.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        out |= {t for t in targets if t in mods and t != name and t != "training"}
    return sorted(out)
graph = {m: deps(m, p) for m, p in mods.items()}
cycles = []
def visit(m, stack):
    if m in stack:
        cycles.append(stack[stack.index(m):] + [m]); return
    for n in graph[m]:
        visit(n, stack + [m])
for m in graph:
    visit(m, [])
print(json.dumps({"graph": graph, "cycles": cycles}))
`;

describe('training/ imports (Python)', () => {
  const out = execFileSync('/usr/bin/python3', ['-c', CHECK], { cwd: REPO, encoding: 'utf8', timeout: 60_000 });
  const r = JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as {
    graph: Record<string, string[]>;
    cycles: string[][];
  };

  it('finds the modules and their imports', () => {
    expect(r.graph['training.train']).toContain('training.loop');
    expect(r.graph['training.ship']).toContain('training.constants');
  });

  it('has no import cycle', () => {
    expect(r.cycles).toEqual([]);
  });

  it('keeps constants and provenance free of other training modules', () => {
    expect(r.graph['training.constants']).toEqual([]);
    expect(r.graph['training.provenance']).toEqual([]);
  });
});
