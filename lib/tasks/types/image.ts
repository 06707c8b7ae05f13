import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const image = mediaKind("Image", SIMULATED_MEDIA_PATHS.image);
