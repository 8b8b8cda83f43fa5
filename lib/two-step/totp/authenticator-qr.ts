import QRCode from "qrcode";

/** The otpauth:// address as an SVG data URL for an <img>: no canvas, no client library. */
export async function authenticatorQr(uri: string) {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
