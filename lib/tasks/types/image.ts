import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const image = mediaKind("Image", {
  contentTypePrefix: "image/",
  examples: "PNG, JPEG, GIF, WebP",
  noun: "an image",
  simulatedPath: SIMULATED_MEDIA_PATHS.image,
});
