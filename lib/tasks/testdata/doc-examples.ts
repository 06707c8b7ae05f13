import type { RequestType } from "../request-types";

/**
 * Every curl example of the Heat API document (the human-tasks API this one follows), as data:
 * method, path with its query, how the key is sent, the JSON body, the document's example response
 * and what the reply must look like. Shared by the unit tests and the HTTP acceptance test.
 *
 * Auth: the document's POST examples send `X-Heat-API-Key: <key>`; its GET and abort examples use
 * `curl -u "<key>:"` (HTTP Basic, key as the user name, empty password). Both must work.
 */

export const DOC_TEST_KEY = "test_e53bbf19fdd077eda1cd933a54ebe987";
export const DOC_REQUEST_ID = "44647b6f-b033-4788-9ee2-9d7aa5cb0158";

export interface DocCurlExample {
  name: string;
  method: "GET" | "POST";
  /** As the curl line has it; `{request_id}` stands for the document's id, to be replaced by a real one. */
  path: string;
  /** The request type a creation example posts to. */
  type?: RequestType;
  auth: "header" | "basic";
  body?: Record<string, unknown>;
  /** The document's "Example Response (JSON)" for this call, if it shows one. */
  exampleResponse?: Record<string, unknown>;
  /** What our reply must look like. */
  expect: string;
}

const violenceQuestion = {
  instruction: "Does the image contain violent content?",
  attachments_type: "image",
  attachments: ["http://i.imgur.com/qRWH5.jpg"],
  choices_type: "text",
  choices: ["no violence", "mild violence", "intense violence"],
};
const catsImage = { instruction: "Mark all the cats in the image", attachments_type: "image", attachments: ["http://i.imgur.com/2hOoEp1.jpg"] };
const dialInstruction =
  "Please dial the number below and enter. The supplied PIN code will be entered automaticall (no need to enter it). An automated system will tell you the current balance in an account. Please write down the balance in the response";

export const DOC_CREATE_EXAMPLES: DocCurlExample[] = [
  {
    name: "Multiple Choice (also the introduction's staging example)",
    method: "POST",
    path: "/v1/requests/multiple-choice?block=30",
    type: "multiple-choice",
    auth: "header",
    body: violenceQuestion,
    exampleResponse: { id: DOC_REQUEST_ID, status: "complete", response: ["no violence"], type: "multiple-choice", ...violenceQuestion },
    expect: "200 Request object; echoes the body plus min_answers 1, max_answers 0; response (once complete) is string[] drawn from choices.",
  },
  {
    name: "Free Text",
    method: "POST",
    path: "/v1/requests/free-text?block=30",
    type: "free-text",
    auth: "header",
    body: { instruction: "Translate from Spanish to English", attachments_type: "text", attachments: ["hola mundo"] },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: "hello world",
      type: "free-text",
      instruction: "Translate from Spanish to English",
      attachments_type: "text",
      attachments: ["hola mundo"],
    },
    expect: "200 Request object; response is a string.",
  },
  {
    name: "Rating",
    method: "POST",
    path: "/v1/requests/rating?block=30",
    type: "rating",
    auth: "header",
    body: {
      instruction: "Estimate the age of the person in the image",
      attachments_type: "image",
      attachments: ["http://i.imgur.com/GWxg2wC.jpg"],
      rating_min: 0,
      rating_max: 100,
      rating_step: 5,
    },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: 35,
      type: "rating",
      instruction: "Estimate the age of the person in the image",
      attachments_type: "image",
      attachments: ["http://i.imgur.com/GWxg2wC.jpg"],
      rating_min: 0,
      rating_max: 100,
      rating_step: 5,
    },
    expect: "200 Request object; response is a number on the 0..100 grid in steps of 5.",
  },
  {
    name: "Image",
    method: "POST",
    path: "/v1/requests/image?block=30",
    type: "image",
    auth: "header",
    body: { instruction: "A picture of a birthday cake" },
    exampleResponse: { id: DOC_REQUEST_ID, status: "complete", response: "http://i.imgur.com/x83UxTJ.jpg", type: "image", instruction: "A picture of a birthday cake" },
    expect: "200 Request object; attachments_type \"text\" and attachments [] added; response is a file URL.",
  },
  {
    name: "Video",
    method: "POST",
    path: "/v1/requests/video?block=30",
    type: "video",
    auth: "header",
    body: { instruction: "A video of a cat walking" },
    exampleResponse: { id: DOC_REQUEST_ID, status: "complete", response: "https://r15---sn-4g57kn6s.googlevideo.com/videoplayback?…", type: "video", instruction: "A video of a cat walking" },
    expect: "200 Request object; response is a file URL (the document's own is a long googlevideo URL, shortened here).",
  },
  {
    name: "Audio",
    method: "POST",
    path: "/v1/requests/audio?block=30",
    type: "audio",
    auth: "header",
    body: { instruction: "Pronounce the word", attachments_type: "text", attachments: ["encyclopedia"] },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: "http://static.sfdict.com/staticrep/dictaudio/E01/E0165900.mp3",
      type: "audio",
      instruction: "Pronounce the word",
      attachments_type: "text",
      attachments: ["encyclopedia"],
    },
    expect: "200 Request object; response is a file URL.",
  },
  {
    name: "Simple annotations",
    method: "POST",
    path: "/v1/requests/annotations?block=30",
    type: "annotations",
    auth: "header",
    body: { instruction: "Mark the fashion accessories in the image", attachments_type: "image", attachments: ["http://i.imgur.com/piKjc.jpg"] },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: [
        { x: 123, y: 207 },
        { x: 321, y: 523 },
        { x: 73, y: 298 },
      ],
      type: "annotations",
      instruction: "Mark the fashion accessories in the image",
      attachments_type: "image",
      attachments: ["http://i.imgur.com/piKjc.jpg"],
    },
    expect: "200 Request object; annotations_type point, min_annotations 1, max_annotations 0 added; response is [{x, y}] in pixels.",
  },
  {
    name: "Annotations with multiple choice",
    method: "POST",
    path: "/v1/requests/annotations-with-multiple-choice?block=30",
    type: "annotations-with-multiple-choice",
    auth: "header",
    body: { ...catsImage, per_annotation: { instruction: "What color is the cat", choices_type: "text", choices: ["gray", "white", "black", "ginger"] } },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: [
        { x: 123, y: 207, response: ["gray"] },
        { x: 321, y: 523, response: ["ginger"] },
        { x: 73, y: 298, response: ["gray"] },
      ],
      type: "annotations-with-multiple-choice",
      ...catsImage,
      per_annotation: { instruction: "What color is the cat", choices_type: "text", choices: ["gray", "white", "black", "ginger"] },
    },
    expect: "200 Request object; per_annotation gains min_answers 1, max_answers 0; response is [{x, y, response: string[]}].",
  },
  {
    name: "Annotations with free text",
    method: "POST",
    path: "/v1/requests/annotations-with-free-text?block=30",
    type: "annotations-with-free-text",
    auth: "header",
    body: { ...catsImage, per_annotation: { instruction: "What's the facial expression of the cat?" } },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: [
        { x: 123, y: 207, response: "grumpy" },
        { x: 321, y: 523, response: "curious" },
        { x: 73, y: 298, response: "stunned" },
      ],
      type: "annotations-with-free-text",
      ...catsImage,
      per_annotation: { instruction: "What's the facial expression of the cat?" },
    },
    expect: "200 Request object; response is [{x, y, response: string}].",
  },
  {
    name: "Annotations with rating",
    method: "POST",
    path: "/v1/requests/annotations-with-rating?block=30",
    type: "annotations-with-rating",
    auth: "header",
    body: {
      ...catsImage,
      per_annotation: { instruction: "How aggressive is the cat?", rating_min: 0, rating_max: 10, label_min: "not aggressive", label_max: "very aggressive" },
    },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: [
        { x: 123, y: 207, response: 6 },
        { x: 321, y: 523, response: 2 },
        { x: 73, y: 298, response: 0 },
      ],
      type: "annotations-with-rating",
      ...catsImage,
      per_annotation: { instruction: "How aggressive is the cat?", rating_min: 0, rating_max: 10, label_min: "not aggressive", label_max: "very aggressive" },
    },
    expect: "200 Request object; per_annotation gains rating_step 1; response is [{x, y, response: number}].",
  },
  {
    name: "Making Phone Calls (free text with a dial: attachment)",
    method: "POST",
    path: "/v1/requests/free-text?block=30",
    type: "free-text",
    auth: "header",
    body: { instruction: dialInstruction, attachments_type: "text", attachments: ["dial:+1212123456@ww1234", "PIN Code: 1234"], validation: "number" },
    expect: "200 Request object; the dial: attachment is text; response is a number as a string.",
  },
  {
    name: "Majority Voting",
    method: "POST",
    path: "/v1/requests/multiple-choice?block=30",
    type: "multiple-choice",
    auth: "header",
    body: { ...violenceQuestion, confidence: { strategy: "majority", min_agreements: 2, max_crunchers: 3 } },
    exampleResponse: {
      id: DOC_REQUEST_ID,
      status: "complete",
      response: ["no violence"],
      raw_responses: {
        fb08318584ce0bf013c3ef987e888810: ["no violence"],
        "263085f6de46a84015581ef10f303188": ["mild violence"],
        "8b87fe5d625a75274d788450bc7946c6": ["no violence"],
      },
      type: "multiple-choice",
      ...violenceQuestion,
    },
    expect: "200 Request object with raw_responses (cruncher id → answer); response null if max_crunchers answered without 2 agreeing.",
  },
];

export const DOC_MANAGEMENT_EXAMPLES: DocCurlExample[] = [
  {
    name: "Retrieve, non-blocking (Complete vs pending)",
    method: "GET",
    path: "/v1/requests/{request_id}",
    auth: "basic",
    exampleResponse: { id: DOC_REQUEST_ID, status: "pending" },
    expect: "200 Request object, pending or complete; a pending one has no response field.",
  },
  {
    name: "Retrieve, blocking for 30 seconds",
    method: "GET",
    path: "/v1/requests/{request_id}?block=30",
    auth: "basic",
    // The document's retrieval example shows "response": "no violence" for a multiple-choice
    // request, unlike its own Multiple Choice section (string[]); we always answer string[].
    exampleResponse: { id: DOC_REQUEST_ID, status: "complete", response: "no violence", type: "multiple-choice", ...violenceQuestion },
    expect: "200 Request object, as soon as complete or after 30 s still pending.",
  },
  {
    name: "Aborting pending requests",
    method: "POST",
    path: "/v1/tasks/abort/{request_id}?block=30",
    auth: "basic",
    exampleResponse: { success: true },
    expect: "200 {success: true} for a pending request; the request becomes aborted.",
  },
];

/** Body fragments the document shows outside curl examples (Using webhooks, Excluding crunchers). */
export const DOC_SNIPPETS = {
  hookUrl: { hook_url: "http://my.webhook/endpoint/" },
  excludeCrunchers: { exclude_crunchers: ["cruncher-id-1", "cruncher-id-2"] },
  dialAttachment: { attachments_type: "text", attachments: ["dial:+123456789"] },
} as const;
