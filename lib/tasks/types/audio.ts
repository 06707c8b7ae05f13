import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const audio = mediaKind("Audio", SIMULATED_MEDIA_PATHS.audio);
