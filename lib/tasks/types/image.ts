import { mediaKind } from "./media";

export const image = mediaKind("Image");
