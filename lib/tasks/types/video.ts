import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const video = mediaKind("Video", SIMULATED_MEDIA_PATHS.video);
