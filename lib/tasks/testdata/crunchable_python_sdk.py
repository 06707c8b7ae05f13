"""The calls of the Crunchable Python SDK 0.3 (the Heat API's client before its rename), reproduced
with Python 3 and `requests`: its headers, paths, methods and bodies, with only the base URL
changed. The SDK is Python 2 code and is not installable here, so `Crunchable` below is its client
call for call; `main` then runs every call against the app and prints what it saw as JSON.

Usage: python3 crunchable_python_sdk.py <base url> <test key> <live key> <batch name>
"""

import json
import sys
import time

import requests


class CrunchableError(Exception):
    pass


class Crunchable(object):
    def __init__(self, token, base_url):
        self.base_url = base_url.rstrip("/")
        self.headers = {"X-Crunch-API-Key": token, "content-type": "application/json"}

    # --- the SDK's transport: status 200 or an exception ---

    def _get_json(self, url):
        response = requests.get(self.base_url + url, headers=self.headers)
        if response.status_code != 200:
            raise CrunchableError("GET %s: %s %s" % (url, response.status_code, response.text))
        return response.json()

    def _post(self, url, data={}):
        filtered = dict((k, v) for k, v in data.items() if v is not None)
        response = requests.post(self.base_url + url, data=json.dumps(filtered), headers=self.headers)
        if response.status_code != 200:
            raise CrunchableError("POST %s: %s %s" % (url, response.status_code, response.text))
        return response.json()

    # --- reads ---

    def get_task(self, id, block=0):
        return self._get_json("/v1/requests/%s?block=%s" % (id, block))

    def wait_for_task(self, id):
        while True:
            task = self.get_task(id, block=120)
            if task["status"] in ["complete", "flagged"]:
                return task

    def get_batches(self):
        return self._get_json("/v1/batch")["batches"]

    def get_batch(self, batch_id):
        return self._get_json("/v1/batch/%s" % batch_id)["tasks"]

    # --- changes ---

    def abort_task(self, id):
        return self._post("/v1/tasks/abort/%s" % id, {})

    def archive_task(self, id):
        return self._post("/v1/tasks/archive/%s" % id, {})

    def request(self, req_type, instruction, attachments_type="text", attachments=[], tags=[], hook_url=None, **extra):
        data = dict(instruction=instruction, attachments_type=attachments_type, attachments=attachments, tags=tags, hook_url=hook_url)
        data.update(extra)
        return self._post("/v1/requests/%s" % req_type, data)

    def request_multiple_choice(self, instruction, choices, choices_type="text", min_answers=None, max_answers=None, **kw):
        return self.request("multiple-choice", instruction, choices=choices, choices_type=choices_type, min_answers=min_answers, max_answers=max_answers, **kw)

    def request_free_text(self, instruction, **kw):
        return self.request("free-text", instruction, **kw)

    def request_annotations(self, instruction, annotations_type="point", min_annotations=None, max_annotations=None, **kw):
        return self.request("annotations", instruction, annotations_type=annotations_type, min_annotations=min_annotations, max_annotations=max_annotations, **kw)

    def request_rating(self, instruction, rating_min, rating_max, rating_step, label_min, label_max, **kw):
        return self.request("rating", instruction, rating_min=rating_min, rating_max=rating_max, rating_step=rating_step, label_min=label_min, label_max=label_max, **kw)


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def main(base_url, test_key, live_key, batch):
    test = Crunchable(test_key, base_url)
    live = Crunchable(live_key, base_url)
    seen = {}

    # Every request method, joining one batch through the SDK's extra arguments.
    created = [
        test.request_multiple_choice("Is this review positive?", ["yes", "no"], attachments=["Great product!"], max_answers=1, batch=batch, responseTitles=["Sentiment"]),
        test.request_free_text("Transcribe the sign", attachments_type="image", attachments=["https://example.com/sign.png"], batch=batch),
        test.request_annotations(
            "Mark both eyes",
            annotations_type="point",
            min_annotations=2,
            max_annotations=2,
            attachments_type="image",
            attachments=["https://example.com/face.png"],
            batch=batch,
            responseTitles=["Left eye", "Right eye"],
        ),
        test.request_rating("How funny is this?", 1, 5, 1, "not funny", "hilarious", attachments=["A joke"], batch=batch),
    ]
    for task in created:
        check(task["tags"] == [] and task["attachments_type"] in ("text", "image") and task["batch"] == batch, "echoed parameters: %r" % task)
        check("hook_url" not in task, "a None hook_url is dropped, not stored")
    seen["created"] = [{"id": t["id"], "type": t["type"], "status": t["status"], "responseTitles": t.get("responseTitles")} for t in created]

    # wait_for_task on a test-key request ends: the simulated cruncher answers within a second.
    started = time.time()
    done = test.wait_for_task(created[0]["id"])
    seen["waited"] = {"status": done["status"], "response": done.get("response"), "seconds": round(time.time() - started, 2)}
    seen["get_task"] = test.get_task(created[1]["id"])["id"]

    # get_batches / get_batch.
    batches = test.get_batches()
    mine = [b for b in batches if b["id"] == batch]
    check(len(mine) == 1, "the batch is listed: %r" % batches)
    seen["batch"] = mine[0]
    seen["batch_tasks"] = sorted(t["id"] for t in test.get_batch(batch))

    # abort_task on a live (pending) request.
    pending = live.request_free_text("Say hi", batch=batch)
    seen["abort"] = live.abort_task(pending["id"])
    seen["aborted_status"] = live.get_task(pending["id"])["status"]

    # archive_task: gone from the default list, still readable, listed with archived=true.
    archived = test.archive_task(created[1]["id"])
    again = test.archive_task(created[1]["id"])
    check(again["archived_at"] == archived["archived_at"], "archiving twice keeps the first time")
    listed = [r["id"] for r in test._get_json("/v1/requests?limit=200")["requests"]]
    listed_archived = [r["id"] for r in test._get_json("/v1/requests?archived=true&limit=200")["requests"]]
    still = test.get_task(created[1]["id"])
    seen["archive"] = {
        "archived": archived["archived"],
        "in_default_list": created[1]["id"] in listed,
        "in_archived_list": created[1]["id"] in listed_archived,
        "get_task": {"id": still["id"], "archived": still["archived"]},
    }

    # Errors are exceptions, as the SDK raises them.
    try:
        test.get_batch("no-such-batch")
        seen["unknown_batch"] = "no error"
    except CrunchableError as error:
        seen["unknown_batch"] = str(error)[:60]

    print(json.dumps(seen))


if __name__ == "__main__":
    main(*sys.argv[1:5])
