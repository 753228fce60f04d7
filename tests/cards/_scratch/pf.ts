const cpu = () => process.cpuUsage();
for (const mode of ["new+fill", "reuse+fill"]) {
  let buf = new Uint8Array(1200 * 630 * 4);
  const c = cpu();
  for (let i = 0; i < 50; i++) { if (mode === "new+fill") buf = new Uint8Array(1200 * 630 * 4); buf.fill(i); }
  const d = process.cpuUsage(c);
  console.log(mode, "user", (d.user / 50000).toFixed(2), "sys", (d.system / 50000).toFixed(2));
}
