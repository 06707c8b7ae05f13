import { mediaKind, SIMULATED_MEDIA_PATHS } from "./media";

export const audio = mediaKind("Audio", {
  contentTypePrefix: "audio/",
  examples: "MP3, WAV, OGG",
  noun: "an audio file",
  simulatedPath: SIMULATED_MEDIA_PATHS.audio,
});
