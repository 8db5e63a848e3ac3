// /apple-icon.png: the icon (app/icon.svg) as the 180 px PNG iOS asks for, drawn at build time
// from the SVG itself, so the two never differ. iOS rounds the corners itself: the square is full.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ImageResponse } from "next/og";
import { BRAND_COLOR } from "@/lib/site";

export const size = { width: 180, height: 180 };
export const contentType = "image/png";

export default async function AppleIcon() {
  const svg = await readFile(path.join(process.cwd(), "app/icon.svg"));
  return new ImageResponse(
    <div style={{ display: "flex", width: "100%", height: "100%", background: BRAND_COLOR }}>
      <img src={`data:image/svg+xml;base64,${svg.toString("base64")}`} width={size.width} height={size.height} alt="" />
    </div>,
    size,
  );
}
