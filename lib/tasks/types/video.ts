import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const video = mediaKind("Video", {
  contentTypePrefix: "video/",
  examples: "MP4, WebM",
  noun: "a video",
  simulatedPath: SIMULATED_MEDIA_PATHS.video,
});
