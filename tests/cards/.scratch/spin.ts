import { Worker } from "node:worker_threads";
const code = `const { parentPort } = require("node:worker_threads"); let x = 0; const t = Date.now(); for (let i = 0; i < 4e8; i++) x = (x * 31 + i) | 0; parentPort.postMessage(Date.now() - t);`;
for (const n of [1, 2]) {
  const t = Date.now();
  const r = await Promise.all(Array.from({ length: n }, () => new Promise((res) => new Worker(code, { eval: true }).once("message", res))));
  console.log(n, "threads", r, "wall", Date.now() - t);
}
