import { mediaKind } from "./media";

export const audio = mediaKind("Audio");
