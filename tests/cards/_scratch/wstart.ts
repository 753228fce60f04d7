import { Worker } from "node:worker_threads";
const code = `
const t = () => { const u = process.threadCpuUsage(); return (u.user + u.system) / 1000; };
const out = [];
let a = t();
if (process.env.CC) (await import("node:module")).enableCompileCache();
out.push(["compileCache", t() - a]); a = t();
for (const m of ["zod", "satori", "harfbuzzjs", "@resvg/resvg-js", "bidi-js"]) { if (m === "zod") continue; await import(m); out.push([m, t() - a]); a = t(); }
const { drawCard } = await import("${process.cwd()}/src/cards/draw.ts");
out.push(["draw.ts", t() - a]); a = t();
const { readFileSync } = await import("node:fs");
const base = JSON.parse(readFileSync("tests/fixtures/cards/specs.json", "utf8"));
const { CardSpec } = await import("${process.cwd()}/src/cards/spec.ts");
a = t();
await drawCard(CardSpec.parse(base[2])); out.push(["card1", t() - a]); a = t();
await drawCard(CardSpec.parse(base[1])); out.push(["card2", t() - a]); a = t();
for (const s of base) await drawCard(CardSpec.parse(s)); out.push(["12 more /12", (t() - a) / 12]); a = t();
for (const s of base) await drawCard(CardSpec.parse(s)); out.push(["12 more /12", (t() - a) / 12]); a = t();
console.log(out.map(([k, v]) => k + " " + v.toFixed(0)).join(" | "));
`;
const c = process.cpuUsage();
const w = new Worker(code, { eval: true });
await new Promise((r) => w.on("exit", r));
const d = process.cpuUsage(c);
console.log("process cpu", ((d.user + d.system) / 1000).toFixed(0));
