"""Peer for `npm run bench:deployments`: the original implementation's per-deployment app
(mlconnector's generated FastAPI `main.py`, served by uvicorn) with Debian's FastAPI, uvicorn and
scikit-learn. One process serves every benchmarked deployment on one route:

  POST /deployment/{deployment_id}/predict   {"data": [row], "explain": false}  ->  {"prediction": [...]}

  /usr/bin/python3 bench/deployments_peer.py --mode load-per-request|load-once --port P --models ID=FILE.pkl [...]

Modes:
- load-per-request: `joblib.load` of the model file inside the handler on every request, as the
  original app does (its handler starts with `loaded_model = joblib.load("<model>")`).
- load-once: the same app with every model loaded at start.

Kept from the original: an `async def` handler doing the blocking work on the event loop (so one
request at a time per process), a pydantic body model, one uvicorn worker. Left out, which only
makes the peer faster than the original: the synchronous `requests.post` of every operation to the
side API, the telemetry client, and the pandas DataFrame built from the body (pandas is not among
the packages here; the model gets a numpy array). The reply is JSON numbers (`tolist()`) rather than
the original's `str(result_pred)`, so that the bench can compare predictions exactly.
"""
import argparse, sys
from typing import List, Union

import joblib
import numpy as np
import uvicorn
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel


class PredictBody(BaseModel):
    data: Union[List[float], List[List[float]]]
    explain: bool = False


def make_app(mode: str, files: dict) -> FastAPI:
    app = FastAPI(title="deployment peer")
    loaded = {name: joblib.load(path) for name, path in files.items()} if mode == "load-once" else {}

    @app.get("/healthz")
    async def healthz():
        return {"ok": True, "mode": mode}

    @app.post("/deployment/{deployment_id}/predict")
    async def predict(deployment_id: str, request: PredictBody):
        path = files.get(deployment_id)
        if path is None:
            raise HTTPException(status_code=404, detail="Deployment not found")
        model = joblib.load(path) if mode == "load-per-request" else loaded[deployment_id]
        rows = request.data if request.data and isinstance(request.data[0], list) else [request.data]
        result = model.predict(np.asarray(rows, dtype=float))
        return {"prediction": result.tolist()}

    return app


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mode", choices=["load-per-request", "load-once"], required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--models", nargs="+", required=True, help="deployment_id=path.pkl")
    args = ap.parse_args()
    files = dict(item.split("=", 1) for item in args.models)
    # access_log off: the original's container logs to stdout, but the bench would only discard it.
    uvicorn.run(make_app(args.mode, files), host="127.0.0.1", port=args.port, log_level="warning", access_log=False)


if __name__ == "__main__":
    sys.exit(main())
