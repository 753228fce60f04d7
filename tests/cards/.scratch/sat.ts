import satori from "satori";
const svgImg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><path fill="#f00" d="M0 0L100 0L100 50Z"/></svg>`;
const el = { type: "div", props: { style: { width: 1200, height: 630, display: "flex", background: "#123", flexDirection: "row-reverse" }, children: [
  { type: "img", props: { src: "data:image/svg+xml;base64," + Buffer.from(svgImg).toString("base64"), width: 100, height: 50, style: { margin: -10 } } },
] } };
const out = await satori(el as any, { width: 1200, height: 630, fonts: [] });
console.log(out.slice(0, 800));
