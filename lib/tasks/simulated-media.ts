import { defineRoute } from "@/lib/http/family";
import { tasksApi } from "@/lib/http/families";
import { ApiError } from "@/lib/http/errors";
import { SIMULATED_MEDIA_PATHS } from "./types/media";

// The files simulated crunchers "produce" for test-key image, video and audio requests, so a
// staging integration can download the URL it gets back. Public, like every media answer URL.

const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAIAAAAlC+aJAAAAd0lEQVR4nO3PQQkAMAzAwPpnnlcRexyDQARc5p75Oi9oQAsa0IIGtKABLWhACxrQgga0oAEtaEALGtCCBrSgAS1oQAsa0IIGtKABLWhACxrQgga0oAEtaEALGtCCBrSgAS1oQAsa0IIGtKABLWhACxrQgga04LEFCQexaaEhmfsAAAAASUVORK5CYII=",
  "base64",
);

/** One second of silence: 38 MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz, mono), all-zero side info. */
function silentMp3(): Buffer {
  const frame = Buffer.alloc(417);
  frame.set([0xff, 0xfb, 0x90, 0xc4]);
  return Buffer.concat(Array.from({ length: 38 }, () => frame));
}

/** An ISO BMFF header only ("ftyp" box): a placeholder, not playable video. */
function placeholderMp4(): Buffer {
  const box = Buffer.alloc(24);
  box.writeUInt32BE(24, 0);
  box.write("ftypisom", 4, "latin1");
  box.writeUInt32BE(0x200, 12);
  box.write("isommp41", 16, "latin1");
  return box;
}

const FILES: Record<string, { type: string; bytes: () => Buffer }> = {
  [SIMULATED_MEDIA_PATHS.image]: { type: "image/png", bytes: () => PNG },
  [SIMULATED_MEDIA_PATHS.audio]: { type: "audio/mpeg", bytes: silentMp3 },
  [SIMULATED_MEDIA_PATHS.video]: { type: "video/mp4", bytes: placeholderMp4 },
};

export const simulatedMediaRoute = defineRoute(tasksApi, { method: "GET", path: "/v1/simulated/:file", summary: "The sample file test-key media answers point to", public: true }, async ({ request }) => {
  const file = FILES[`/v1/simulated/${request.params.file}`];
  if (!file) throw new ApiError(404, "No such simulated file.");
  return { status: 200, headers: { "content-type": file.type, "cache-control": "public, max-age=86400" }, body: file.bytes() };
});
