/**
 * Generated from Crucible's OpenAPI description (lib/http/openapi.ts) by `npm run client:generate`.
 * Do not edit: change the routes or their documented answers and regenerate.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and the database: 200 ok, 503 when the database does not answer or the server is draining */
        get: operations["getHealthz"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz/loops": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks a loops key: whose it is */
        get: operations["getHealthzLoops"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks a models key: whose it is */
        get: operations["getHealthzModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Checks a tasks key: whose it is, live or test */
        get: operations["getHealthzTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /definitions/: a loop's name, task, input fields and one output field */
        post: operations["postDefinitions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /train/: labelled examples, learned in order */
        post: operations["postTrain"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /predict/: inputs to predict and explain; the model does not change */
        post: operations["postPredict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register a model's metadata (MLModelCreate); files are uploaded next */
        post: operations["postModelAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's models, newest first */
        get: operations["getModelAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models having any of the tags */
        get: operations["getModelSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Deploy a model (a version, an alias or the latest) with a placement */
        post: operations["postDeploymentAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/add/operation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record an inference made elsewhere (the MLConnector containers' report) */
        post: operations["postDeploymentAddOperation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's deployments, newest first */
        get: operations["getDeploymentAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mltraining/add": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Retrain a model with its uploaded code and data, in the sandbox */
        post: operations["postMltrainingAdd"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mltraining/all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account's training jobs */
        get: operations["getMltrainingAll"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's requests, newest first, with a cursor */
        get: operations["getV1Requests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The key's batches, newest first, with their counts and a cursor */
        get: operations["getV1Batch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** This API's OpenAPI 3.1 description */
        get: operations["getOpenapiJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{loop_id}/model": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The loop's model as JSON (learner and monitor states) */
        get: operations["getDefinitionsLoopIdModel"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/definitions/{loop_id}/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every metric of the loop, cumulative and over its rolling windows, with baselines */
        get: operations["getDefinitionsLoopIdMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/getkind/{modelkind}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Models of one kind (case-insensitive) */
        get: operations["getModelGetkindModelkind"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}/upload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload a model, data, code or requirements file (multipart: file, file_kind) */
        post: operations["postModelModelIdUpload"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}/files/{sha256}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download one stored file */
        get: operations["getModelModelIdFilesSha256"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}/versions/{version}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Download a version's model file */
        get: operations["getModelModelIdVersionsVersionDownload"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The model's versions and aliases */
        get: operations["getModelModelIdVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}/aliases/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["putModelModelIdAliasesName"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/model/{model_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One model with its files */
        get: operations["getModelModelId"];
        put?: never;
        post?: never;
        /** Move a model and its deployments to the trash (restorable for 30 days) */
        delete: operations["deleteModelModelId"];
        options?: never;
        head?: never;
        /** Change a model's metadata: what is sent replaces what was stored */
        patch: operations["patchModelModelId"];
        trace?: never;
    };
    "/deployment/get/status/{deployment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deployment and its status (pending, under_deployment, deployed, Deployment_Failed) */
        get: operations["getDeploymentGetStatusDeploymentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/get/opos/{ownerid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operations of an owner, newest first (skip/limit or a cursor) */
        get: operations["getDeploymentGetOposOwnerid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/{deployment_id}/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Predict (and explain the first row) with a deployment; X-Model-Version names the version that answered */
        post: operations["postDeploymentDeploymentIdPredict"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/{deployment_id}/prediction": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The inference containers' contract: {data, explanation} → {inference} */
        post: operations["postDeploymentDeploymentIdPrediction"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/{deployment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Move a deployment (with its operations) to the trash: it stops serving; restorable for 30 days */
        delete: operations["deleteDeploymentDeploymentId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment/{deployment_id}/manifest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A Kubernetes manifest (v1 List: Deployment and Service) of a dedicated serving pod placed by the deployment's placement */
        get: operations["getDeploymentDeploymentIdManifest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/mltraining/{job_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One training job with its log and outcome */
        get: operations["getMltrainingJobId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{type}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask a question: the body of the type named in the path */
        post: operations["postV1RequestsType"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/requests/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One request; ?block=N waits up to N seconds for its answer */
        get: operations["getV1RequestsRequestId"];
        put?: never;
        post?: never;
        /** Abort a pending request (as the SDKs call it) */
        delete: operations["deleteV1RequestsRequestId"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/abort/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Abort a pending request */
        post: operations["postV1TasksAbortRequestId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/tasks/archive/{request_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Archive a request: left out of the default lists, still readable by id */
        post: operations["postV1TasksArchiveRequestId"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/simulated/{file}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The sample file test-key media answers point to */
        get: operations["getV1SimulatedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/batch/{batch_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One batch: its counts and a page of its requests (newest first, archived included) */
        get: operations["getV1BatchBatchId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/files/{file_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A file a cruncher uploaded as an answer (HTTP Range supported) */
        get: operations["getV1FilesFileId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description Whether the server takes requests and its database answers */
        Health: {
            /** @enum {string} */
            status: "ok" | "unavailable" | "draining";
            /** @enum {string} */
            database?: "up" | "down";
            database_latency_ms?: number;
            error?: string;
        };
        /** @description The key works: whose it is */
        KeyCheck: {
            /** @constant */
            status: "ok";
            account: {
                /** @description The key's workspace */
                id: string;
                username: string;
            };
            key: {
                prefix: string;
                /** @enum {string} */
                scope: "loops" | "models" | "tasks";
                /** @description Loops keys: the loop the key is bound to, if any */
                loop_id?: string | null;
                /**
                 * @description Tasks keys: live, or test (staging)
                 * @enum {string}
                 */
                mode?: "live" | "test";
            };
        };
        /** @description A loop: its definition and where its model lives */
        Loop: {
            /** @description The loop's id (the same as loop_id; the document's name for it) */
            definition_id: string;
            /** @description Send it as x-loop-id to /train/ and /predict/ */
            loop_id: string;
            name: string;
            /** @enum {string} */
            task_type: "classification" | "regression";
            /** @description Input field → type, in the order the loop was defined with */
            input_schema: {
                [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
            };
            /** @description The one output field → its type */
            output_schema: {
                [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
            };
            /** @description The learner's settings, defaults filled in */
            settings: {
                /**
                 * @description adagrad (default): per-weight step sizes; sgd: plain SGD, as River's linear models
                 * @enum {string}
                 */
                optimizer: "adagrad" | "sgd";
                /** @description Step size of the weights; default 0.1 */
                learning_rate: number;
                /** @description Step size of the intercepts; default: learning_rate */
                intercept_learning_rate: number;
                /** @description L2 penalty on the weights (not the intercepts); default 0 */
                l2: number;
                /** @description Regression: learn the standardised target; default true */
                target_standardization: boolean;
                /**
                 * @description Regression: the gradient m − y (default) or River's 2(m − y)
                 * @enum {string}
                 */
                squared_loss_gradient: "residual" | "twice_residual";
                /** @description One-hot values per string field before new values are hashed into buckets; default 1,000 */
                category_cap: number;
                /** @description Hash buckets per string field past its cap: 2^hash_bits; default 10 */
                hash_bits: number;
                /** @description Clip standardised numbers to ±clip; null (default): no clipping */
                clip: number | null;
                /** @description Reset AdaGrad's accumulators when drift is detected; default false */
                reset_on_drift: boolean;
            };
            /** @description Where the loop's model can be downloaded (GET /definitions/{loop_id}/model) */
            model_url: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
        };
        /** @description What a /train/ call learned */
        TrainResult: {
            /** @constant */
            status: "success";
            message: string;
            /** @description Rows learned from */
            trained_samples: number;
            /** @description Rows skipped: each is named in errors */
            failed_samples: number;
            /** @description One line per skipped row: data[i]: field: problem */
            errors: string[];
            /** @description Rows the loop has learned from in all */
            n_seen: number;
            model_version: number;
        };
        /** @description One row's answer: the output field (named as in the loop's output_schema) holds the predicted value */
        Prediction: {
            explanation: {
                top_contributors: {
                    feature: string;
                    contribution: number;
                    weight: number;
                    value: unknown;
                    mean?: number;
                    unseen?: boolean;
                }[];
                baseline: number;
                margin: number;
                /** @enum {string} */
                units: "log_odds" | "centred_logit" | "target";
                /** @description Sum of the contributions not listed: baseline + Σ listed + other = margin */
                other: number;
                /** @enum {string} */
                status: "warming_up" | "ok";
                n_seen: number;
                model_version: number;
            };
            /** @description Classification: the probability of each class label */
            probabilities?: {
                [key: string]: number;
            };
            /** @description The row of data this answers */
            index: number;
            model_version: number;
            n_seen: number;
        } & {
            [key: string]: unknown;
        };
        /** @description The answers of a /predict/ call, one per row that fit the loop's input schema */
        PredictResult: {
            /** @constant */
            status: "success";
            message: string;
            predictions: components["schemas"]["Prediction"][];
            failed_samples: number;
            errors: string[];
        };
        /** @description A loop's model as a JSON file */
        LoopModel: {
            /** @constant */
            format: "crucible-loop-model/1";
            loop_id: string;
            name: string;
            /** @enum {string} */
            task_type: "classification" | "regression";
            input_schema: {
                [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
            };
            output_schema: {
                [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
            };
            settings: {
                /**
                 * @description adagrad (default): per-weight step sizes; sgd: plain SGD, as River's linear models
                 * @enum {string}
                 */
                optimizer: "adagrad" | "sgd";
                /** @description Step size of the weights; default 0.1 */
                learning_rate: number;
                /** @description Step size of the intercepts; default: learning_rate */
                intercept_learning_rate: number;
                /** @description L2 penalty on the weights (not the intercepts); default 0 */
                l2: number;
                /** @description Regression: learn the standardised target; default true */
                target_standardization: boolean;
                /**
                 * @description Regression: the gradient m − y (default) or River's 2(m − y)
                 * @enum {string}
                 */
                squared_loss_gradient: "residual" | "twice_residual";
                /** @description One-hot values per string field before new values are hashed into buckets; default 1,000 */
                category_cap: number;
                /** @description Hash buckets per string field past its cap: 2^hash_bits; default 10 */
                hash_bits: number;
                /** @description Clip standardised numbers to ±clip; null (default): no clipping */
                clip: number | null;
                /** @description Reset AdaGrad's accumulators when drift is detected; default false */
                reset_on_drift: boolean;
            };
            model_version: number;
            n_seen: number;
            /** @description The learner's state */
            learner: {
                [key: string]: unknown;
            };
            /** @description The drift and metric monitors' state */
            monitor: {
                [key: string]: unknown;
            };
        };
        /** @description Every metric of the loop, cumulative and over its rolling windows, with the baselines they beat */
        LoopMetrics: {
            /** @constant */
            status: "success";
            loop_id: string;
            n_seen: number;
            model_version: number;
        } & {
            [key: string]: unknown;
        };
        /** @description A file stored with a model */
        ModelFile: {
            modelid: string;
            /**
             * @description model, data, code or env (requirements)
             * @enum {string}
             */
            filekind: "model" | "data" | "code" | "env";
            filename: string;
            contenttype: string;
            size: number;
            sha256: string;
            /** @description The model version a model file made; null for the other kinds */
            version: number | null;
            /** @description What was read from a model file: its class, scikit-learn version, features, whether it can be served */
            estimator: {
                [key: string]: unknown;
            } | null;
            uploaded_by: string | null;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            download_url: string;
        };
        /** @description A registered model (MLModel) with its files */
        Model: {
            modelid: string;
            modelname: string;
            modelkind: string;
            hyperparameter: {
                parameter: string;
                value: string | number | boolean | null;
            }[];
            modelperformance: {
                /** @description The metric's name, matched with metrics.json of a training run. */
                metric: string;
                /** @description 1 or more: higher is better; 0 or less: lower is better. An entry without order and threshold promotes nothing. */
                order?: number;
                /** @description The value a retrained version must reach to be promoted. */
                threshold?: number | string;
            }[];
            trainingresource: {
                resource_name: string;
                value?: number | string;
                deploy?: string | boolean;
            }[];
            runresource: {
                resource_name: string;
                value?: number | string;
                deploy?: string | boolean;
            }[];
            featurelist: {
                /** @description The column's name. */
                feature_name: string;
                /**
                 * @description cont: continuous; cat: categorical (float, int, str, category… are accepted and mapped).
                 * @enum {string}
                 */
                type?: "cont" | "cat";
                /** @description 0: an input feature; 1: the target. */
                kind: 0 | 1;
                units?: string | number | null;
            }[];
            inference: {
                type?: string;
                value?: string | number | boolean | null;
            }[];
            modeltags: string[];
            drift_detection: {
                /** @description 1 turns drift detection on. */
                is_true: 0 | 1;
                /** @description 0: mean shift (Welch's t); 1: maximum mean discrepancy; 2: Kolmogorov–Smirnov. */
                method: 0 | 1 | 2;
            }[];
            files: components["schemas"]["ModelFile"][];
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            updated_at: string;
        };
        /** @description Models, newest first */
        ModelList: components["schemas"]["Model"][];
        /** @description A version of a model: its model file and aliases */
        ModelVersion: {
            modelid: string;
            /**
             * @description model, data, code or env (requirements)
             * @enum {string}
             */
            filekind: "model" | "data" | "code" | "env";
            filename: string;
            contenttype: string;
            size: number;
            sha256: string;
            /** @description The model version a model file made; null for the other kinds */
            version: number | null;
            /** @description What was read from a model file: its class, scikit-learn version, features, whether it can be served */
            estimator: {
                [key: string]: unknown;
            } | null;
            uploaded_by: string | null;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            download_url: string;
            /** @description The aliases pointing at this version */
            aliases: string[];
        };
        /** @description A deployment (MLDeploymentReturn): a model version served at an endpoint */
        Deployment: {
            deployment_id: string;
            modelid: string;
            /** @description The model version served */
            version: number | null;
            /** @description What was asked for: a version number, an alias, or null for the latest */
            version_ref: unknown;
            ownerid: string;
            placement: {
                /**
                 * @description The cluster to run on, or "*" for any.
                 * @default *
                 */
                clusterID: string;
                /**
                 * @description The node to run on, or "*" for any.
                 * @default *
                 */
                node: string;
                /**
                 * @description Whether it may run on the continuum: a boolean, or "*" for either.
                 * @default *
                 */
                continuum: boolean | string;
            };
            inference_data: 0 | 1;
            /** @enum {string} */
            status: "pending" | "under_deployment" | "deployed" | "Deployment_Failed";
            /** @description Why it failed */
            reason: string | null;
            /** @description POST rows here to predict */
            inference_endpoint: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            updated_at: string;
        };
        /** @description Deployments, newest first */
        DeploymentList: components["schemas"]["Deployment"][];
        /** @description A deployment and its status */
        DeploymentStatus: {
            deployment_id: string;
            modelid: string;
            /** @description The model version served */
            version: number | null;
            /** @description What was asked for: a version number, an alias, or null for the latest */
            version_ref: unknown;
            ownerid: string;
            placement: {
                /**
                 * @description The cluster to run on, or "*" for any.
                 * @default *
                 */
                clusterID: string;
                /**
                 * @description The node to run on, or "*" for any.
                 * @default *
                 */
                node: string;
                /**
                 * @description Whether it may run on the continuum: a boolean, or "*" for either.
                 * @default *
                 */
                continuum: boolean | string;
            };
            inference_data: 0 | 1;
            /** @enum {string} */
            status: "pending" | "under_deployment" | "deployed" | "Deployment_Failed";
            /** @description Why it failed */
            reason: string | null;
            /** @description POST rows here to predict */
            inference_endpoint: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            updated_at: string;
            /** @description The status again, as the MLConnector's clients read it */
            response: string;
        };
        /** @description An inference of a deployment (MLDeploymentOposReturn) */
        Operation: {
            /** @description A UUID naming the operation */
            operationid: string;
            /** @description Its number in the log: a cursor for the next page */
            id: number;
            ownerid: string;
            deploymentid: string;
            modelid: string;
            /** @description The input, as it was sent */
            data: unknown;
            /** @description The output, as it was sent or answered */
            result: unknown;
            explanation: unknown;
            /** @description predict: served here; external: reported by POST /deployment/add/operation */
            source: string;
            latency_ms: number | null;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            timestamp: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
        };
        /** @description Operations, newest first */
        OperationList: components["schemas"]["Operation"][];
        /** @description A deployment's predictions */
        DeploymentPrediction: {
            /** @description One per row: a label or value, or an array for multi-output estimators */
            prediction: unknown[];
            /** @description Classifiers: per row, the probability of each class */
            probabilities?: number[][];
            classes?: unknown[];
            /** @description When asked (explain: true); null when it could not be computed */
            explanation?: {
                /** @description SHAP value of each feature, in the order of features */
                feature_importance: number[];
                /** @constant */
                method: "shap";
                base_value: number;
                features: string[];
                residual: number;
                /** @description linear, tree_path_dependent, shapley_enumeration, permutation or kernel */
                algorithm: string;
                exact: boolean;
                explained_output: string;
                /** @description f(x) of the explained output: base_value + Σ feature_importance (up to residual) */
                value: number;
                background: string;
                samples?: number;
                /** @description The explained row of data */
                row: number;
            } | null;
        };
        /** @description The inference containers' answer */
        ContainerPrediction: {
            /** @description numpy's str() of the prediction */
            inference: string;
            explanation?: {
                /** @description SHAP value of each feature, in the order of features */
                feature_importance: number[];
                /** @constant */
                method: "shap";
                base_value: number;
                features: string[];
                residual: number;
                /** @description linear, tree_path_dependent, shapley_enumeration, permutation or kernel */
                algorithm: string;
                exact: boolean;
                explained_output: string;
                /** @description f(x) of the explained output: base_value + Σ feature_importance (up to residual) */
                value: number;
                background: string;
                samples?: number;
                /** @description The explained row of data */
                row: number;
            } | null;
        };
        /** @description A retraining run of a model */
        TrainingJob: {
            /** @description The job's id (MLTrain's name for it) */
            deployment_id: string;
            job_id: string;
            modelid: string;
            placement: unknown;
            /** @enum {string} */
            status: "waiting" | "running" | "succeeded" | "failed";
            /** @description What started it: api, dashboard or drift */
            trigger: string;
            reason: string | null;
            /** @description The version the run made */
            result_version: number | null;
            /** @description Whether that version met the model's thresholds and was promoted */
            promoted: boolean;
            metrics: unknown;
            log: string | null;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            started_at: string | null;
            finished_at: string | null;
        };
        /** @description Training jobs, newest first */
        TrainingJobList: components["schemas"]["TrainingJob"][];
        /** @description The model is in the trash with its deployments, restorable for 30 days */
        TrashedModel: {
            message: string;
            modelid: string;
            /** @constant */
            deleted: true;
            /** @description Its deployments, moved to the trash with it */
            deployments: string[];
        };
        /** @description The deployment is in the trash and stops serving, restorable for 30 days */
        TrashedDeployment: {
            message: string;
            deployment_id: string;
            /** @constant */
            deleted: true;
        };
        ModelVersionList: components["schemas"]["ModelVersion"][];
        /** @description An alias of a model version */
        ModelAlias: {
            modelid: string;
            name: string;
            version: number;
        };
        /** @description Kubernetes objects */
        KubernetesList: {
            /** @constant */
            apiVersion: "v1";
            /** @constant */
            kind: "List";
            items: {
                [key: string]: unknown;
            }[];
        } & {
            [key: string]: unknown;
        };
        /** @description The Request object: the request's parameters (normalised, defaults included) sit at the top level beside its status and answer */
        TaskRequest: {
            id: string;
            /**
             * @description pending until answered; complete; aborted
             * @enum {string}
             */
            status: "pending" | "complete" | "aborted";
            /** @description Present once complete: the agreed answer (its type follows the request type); null when the crunchers did not agree */
            response?: unknown;
            /** @description Cruncher id → that cruncher's answer */
            raw_responses?: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            type: "multiple-choice" | "free-text" | "rating" | "image" | "video" | "audio" | "annotations" | "annotations-with-multiple-choice" | "annotations-with-free-text" | "annotations-with-rating";
            instruction?: string;
            /** @description Archived requests are left out of the default lists */
            archived: boolean;
            archived_at: string | null;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            completed_at: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description A page of requests, newest first */
        TaskRequestPage: {
            requests: components["schemas"]["TaskRequest"][];
            /** @description Pass as ?cursor= for the next page; null on the last one */
            next_cursor: string | null;
            /** @description Requests per status in this key's space (live or test) */
            counts: {
                pending: number;
                complete: number;
                aborted: number;
            };
        };
        /** @description A batch: the requests sent with one batch name, counted per status */
        TaskBatch: {
            /** @description The batch's name: the batch parameter of its requests */
            id: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            requests: number;
            pending: number;
            complete: number;
            aborted: number;
            archived: number;
        };
        /** @description A page of batches, newest first */
        TaskBatchPage: {
            batches: components["schemas"]["TaskBatch"][];
            /** @description Pass as ?cursor= for the next page; null on the last one */
            next_cursor: string | null;
        };
        /** @description A batch and a page of its requests, newest first, archived included */
        TaskBatchWithRequests: {
            /** @description The batch's name: the batch parameter of its requests */
            id: string;
            /** @description ISO 8601 timestamp, UTC as +00:00 */
            created_at: string;
            requests: number;
            pending: number;
            complete: number;
            aborted: number;
            archived: number;
            tasks: components["schemas"]["TaskRequest"][];
            /** @description Pass as ?cursor= for the next page of its requests */
            next_cursor: string | null;
        };
        /** @description The request is aborted */
        AbortResult: {
            /** @constant */
            success: true;
        };
        LoopsError: {
            /** @constant */
            status: "failed";
            message: string;
            errors: string[];
        };
        ModelsError: {
            detail: string | {
                loc: (string | number)[];
                msg: string;
                type: string;
            }[];
        };
        TasksError: {
            error: string;
            message: string;
            errors?: string[];
        };
        PlatformError: {
            error: string;
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealthz: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server takes requests and its database answers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "status": "ok",
                     *       "database": "up",
                     *       "database_latency_ms": 1.2
                     *     }
                     */
                    "application/json": components["schemas"]["Health"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The database does not answer or the server is draining (the body is a Health object) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    getHealthzLoops: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCheck"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    getHealthzModels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCheck"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getHealthzTasks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key works */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KeyCheck"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    postDefinitions: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "name": "Customer Recommendation Loop",
                 *       "task_type": "classification",
                 *       "input_schema": {
                 *         "user_id": "string",
                 *         "item_id": "string",
                 *         "rating": "integer",
                 *         "time_of_day": "integer"
                 *       },
                 *       "output_schema": {
                 *         "recommendation": "string"
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description The loop's name, at most 200 characters once trimmed */
                    name: string;
                    /**
                     * @description What the loop predicts
                     * @enum {string}
                     */
                    task_type: "classification" | "regression";
                    /** @description Input field name → type, at most 200 fields with names of at most 100 characters */
                    input_schema: {
                        [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
                    };
                    /** @description Exactly one field: the output's name → its type (classification: string, integer or boolean; regression: integer or float) */
                    output_schema: {
                        [key: string]: "string" | "integer" | "float" | "boolean" | "array" | "object";
                    };
                    /** @description Learner settings, each optional (defaults: the specification's default learner) */
                    settings?: {
                        /**
                         * @description adagrad (default): per-weight step sizes; sgd: plain SGD, as River's linear models
                         * @enum {string}
                         */
                        optimizer?: "adagrad" | "sgd";
                        /** @description Step size of the weights; default 0.1 */
                        learning_rate?: number;
                        /** @description Step size of the intercepts; default: learning_rate */
                        intercept_learning_rate?: number;
                        /** @description L2 penalty on the weights (not the intercepts); default 0 */
                        l2?: number;
                        /** @description Regression: learn the standardised target; default true */
                        target_standardization?: boolean;
                        /**
                         * @description Regression: the gradient m − y (default) or River's 2(m − y)
                         * @enum {string}
                         */
                        squared_loss_gradient?: "residual" | "twice_residual";
                        /** @description One-hot values per string field before new values are hashed into buckets; default 1,000 */
                        category_cap?: number;
                        /** @description Hash buckets per string field past its cap: 2^hash_bits; default 10 */
                        hash_bits?: number;
                        /** @description Clip standardised numbers to ±clip; null (default): no clipping */
                        clip?: number | null;
                        /** @description Reset AdaGrad's accumulators when drift is detected; default false */
                        reset_on_drift?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description The loop, defined */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Loop"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The loop already has a definition */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    postTrain: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": [
                 *         {
                 *           "user_id": "u1",
                 *           "item_id": "i9",
                 *           "rating": 4,
                 *           "time_of_day": 18,
                 *           "recommendation": "i12"
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description One example or a list of examples: an object of field values, or a list of up to 1,000 */
                    data: {
                        [key: string]: unknown;
                    } | {
                        [key: string]: unknown;
                    }[];
                };
            };
        };
        responses: {
            /** @description What was learned; rows that did not fit are listed in errors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainResult"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The loop has no definition yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many examples are waiting for this loop; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    postPredict: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "user_id": "u1",
                 *         "item_id": "i9",
                 *         "rating": 4,
                 *         "time_of_day": 18
                 *       }
                 *     }
                 */
                "application/json": {
                    /** @description One input or a list of inputs: an object of field values, or a list of up to 1,000 */
                    data: {
                        [key: string]: unknown;
                    } | {
                        [key: string]: unknown;
                    }[];
                    /** @description Contributors listed per prediction, 1 to 1,000; default 10 (also accepted as a query parameter) */
                    top_k?: number | null;
                };
            };
        };
        responses: {
            /** @description One answer per row, with what drove it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PredictResult"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The loop has no definition yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    postModelAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "modelname": "Ridge",
                 *       "modelkind": "Regressor",
                 *       "hyperparameter": [
                 *         {
                 *           "parameter": "alpha",
                 *           "value": 1
                 *         }
                 *       ],
                 *       "modelperformance": [
                 *         {
                 *           "metric": "Accuracy",
                 *           "order": 1,
                 *           "threshold": 0.89
                 *         }
                 *       ],
                 *       "featurelist": [
                 *         {
                 *           "feature_name": "age",
                 *           "type": "cont",
                 *           "kind": 0
                 *         },
                 *         {
                 *           "feature_name": "sex",
                 *           "type": "cont",
                 *           "kind": 0
                 *         },
                 *         {
                 *           "feature_name": "bmi",
                 *           "type": "cont",
                 *           "kind": 0
                 *         },
                 *         {
                 *           "feature_name": "bp",
                 *           "type": "cont",
                 *           "kind": 0
                 *         }
                 *       ],
                 *       "modeltags": [
                 *         "regression",
                 *         "fast"
                 *       ],
                 *       "drift_detection": [
                 *         {
                 *           "is_true": 1,
                 *           "method": 0
                 *         }
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description The model's name. */
                    modelname: string;
                    /** @description What kind of model it is, e.g. classification or regression (searchable). */
                    modelkind: string;
                    /** @default [] */
                    hyperparameter?: unknown[];
                    /** @default [] */
                    modelperformance?: unknown[];
                    /** @default [] */
                    trainingresource?: unknown[];
                    /** @default [] */
                    runresource?: unknown[];
                    /** @default [] */
                    featurelist?: unknown[];
                    /** @default [] */
                    inference?: unknown[];
                    /** @default [] */
                    modeltags?: unknown[];
                    /** @default [] */
                    drift_detection?: unknown[];
                };
            };
        };
        responses: {
            /** @description The model, registered with no files yet */
            201: {
                headers: {
                    /** @description Body fields that name nothing and were ignored */
                    "x-ignored-fields"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelAll: {
        parameters: {
            query?: {
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's models */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelSearch: {
        parameters: {
            query?: {
                tags?: string | string[];
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Models having any of the tags */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postDeploymentAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "modelid": "<modelid>",
                 *       "ownerid": "agent-1",
                 *       "placement": {
                 *         "clusterID": "*",
                 *         "node": "*",
                 *         "continuum": true
                 *       },
                 *       "deployment_id": "dep-iris-001",
                 *       "inference_data": 1
                 *     }
                 */
                "application/json": {
                    /** @description The registered model to serve. */
                    modelid: string;
                    /** @description A model version number (a non-numeric string is read as an alias); the latest when absent. */
                    version?: (number | string) | null;
                    /** @description An alias of the model such as production; not with version. */
                    alias?: string | null;
                    /** @description Who the deployment belongs to, recorded with every operation. */
                    ownerid?: string | number;
                    /**
                     * @description Where the deployment should run.
                     * @default {
                     *       "clusterID": "*",
                     *       "node": "*",
                     *       "continuum": "*"
                     *     }
                     */
                    placement?: {
                        /**
                         * @description The cluster to run on, or "*" for any.
                         * @default *
                         */
                        clusterID?: string;
                        /**
                         * @description The node to run on, or "*" for any.
                         * @default *
                         */
                        node?: string;
                        /**
                         * @description Whether it may run on the continuum: a boolean, or "*" for either.
                         * @default *
                         */
                        continuum?: boolean | string;
                    };
                    /** @description The deployment's id in URLs; generated (dep-…) when empty or absent. */
                    deployment_id?: string | null;
                    /**
                     * @description 0: callers send values; 1: callers may also send a data_link the server fetches.
                     * @default 0
                     */
                    inference_data?: 0 | 1;
                };
            };
        };
        responses: {
            /** @description The deployment, pending while the model loads */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model, version or alias */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description A deployment with this deployment_id exists */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postDeploymentAddOperation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who made the inference. */
                    ownerid?: string | number;
                    /** @description The deployment the inference was made with. */
                    deploymentid: string;
                    /** @description The model, when it is not the deployment's. */
                    modelid?: string;
                    /** @description What the inference was made on (JSON text or a JSON value). */
                    data: string | {
                        [key: string]: unknown;
                    } | unknown[] | number | boolean;
                    /** @description What it answered (JSON text or a JSON value). */
                    result?: (string | {
                        [key: string]: unknown;
                    } | unknown[] | number | boolean) | null;
                    /** @description When the inference was made: ISO 8601 (without a zone: UTC) or seconds since 1970; now when absent. */
                    timestamp?: string | number;
                };
            };
        };
        responses: {
            /** @description The recorded operation */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Operation"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getDeploymentAll: {
        parameters: {
            query?: {
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's deployments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postMltrainingAdd: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description The model whose code file trains on its data file. */
                    modelid: string;
                    /** @description Where to train; recorded with the job. */
                    placement: {
                        /**
                         * @description The cluster to train on (recorded).
                         * @default null
                         */
                        clusterID?: string | null;
                        /**
                         * @description The node to train on (recorded).
                         * @default null
                         */
                        node?: string | null;
                        /**
                         * @description Whether the job may run on the continuum (recorded).
                         * @default false
                         */
                        continuum?: boolean;
                    };
                };
            };
        };
        responses: {
            /** @description The training job, waiting for a worker */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingJob"];
                };
            };
            /** @description The model lacks the code or data a run needs, or a run is under way */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Training cannot start on this server */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getMltrainingAll: {
        parameters: {
            query?: {
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The workspace's training jobs */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingJobList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getV1Requests: {
        parameters: {
            query?: {
                status?: "pending" | "complete" | "aborted";
                type?: "multiple-choice" | "free-text" | "rating" | "image" | "video" | "audio" | "annotations" | "annotations-with-multiple-choice" | "annotations-with-free-text" | "annotations-with-rating";
                /** @description Only requests carrying this tag */
                tag?: string;
                /** @description true: the gold (control) questions instead of the requests (they are never listed otherwise) */
                gold?: "true" | "false";
                /** @description false (the default): archived requests are left out; true: only them; all: both */
                archived?: "false" | "true" | "all";
                /** @description Only requests of this batch */
                batch?: string;
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the key's requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRequestPage"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getV1Batch: {
        parameters: {
            query?: {
                /** @description The next_cursor of the previous page */
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the key's batches */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskBatchPage"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getOpenapiJson: {
        parameters: {
            query?: {
                /** @description One family's description (loops, models, tasks, platform); all of them when absent */
                family?: "loops" | "models" | "tasks" | "platform";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An OpenAPI 3.1 document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        [key: string]: unknown;
                    };
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlatformError"];
                };
            };
        };
    };
    getDefinitionsLoopIdModel: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path: {
                loop_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model as a JSON file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopModel"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The loop has no definition yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    getDefinitionsLoopIdMetrics: {
        parameters: {
            query?: never;
            header?: {
                /** @description The loop (its Loop ID) the call is about. */
                "x-loop-id"?: string;
            };
            path: {
                loop_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The loop's metrics */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopMetrics"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one; a missing or unknown x-loop-id */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The loop has no definition yet */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoopsError"];
                };
            };
        };
    };
    getModelGetkindModelkind: {
        parameters: {
            query?: {
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
            };
            header?: never;
            path: {
                modelkind: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Models of the kind */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postModelModelIdUpload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description The file, with its name */
                    file: string;
                    /**
                     * @description model (a pickle or joblib file: the next version), data (CSV), code (the training script) or env (requirements.txt)
                     * @enum {string}
                     */
                    file_kind: "model" | "data" | "code" | "env";
                };
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The stored file; a model file becomes the next version */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelFile"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Larger than MODEL_UPLOAD_LIMIT_BYTES */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelModelIdFilesSha256: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
                sha256: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model or file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelModelIdVersionsVersionDownload: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The version's model file */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model, version or alias */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelModelIdVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model's versions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelVersionList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    putModelModelIdAliasesName: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
                name: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    version: number;
                };
            };
        };
        responses: {
            /** @description The alias, pointing at the version */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelAlias"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model or version */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getModelModelId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model with its files */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    deleteModelModelId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model is in the trash, with its deployments */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashedModel"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    patchModelModelId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    modelname?: string;
                    modelkind?: string;
                    hyperparameter?: unknown[];
                    modelperformance?: unknown[];
                    trainingresource?: unknown[];
                    runresource?: unknown[];
                    featurelist?: unknown[];
                    inference?: unknown[];
                    modeltags?: unknown[];
                    drift_detection?: unknown[];
                };
            };
        };
        responses: {
            /** @description The model as it now is */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Model"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such model in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getDeploymentGetStatusDeploymentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment and its status */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentStatus"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getDeploymentGetOposOwnerid: {
        parameters: {
            query?: {
                skip?: number;
                /** @description Items per page, at most 1000 (larger values are clamped) */
                limit?: number;
                cursor?: number;
            };
            header?: never;
            path: {
                ownerid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The owner's operations */
            200: {
                headers: {
                    /** @description Pass as ?cursor= for the next page; absent on the last one */
                    "x-next-cursor"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OperationList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postDeploymentDeploymentIdPredict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": [
                 *         5.1,
                 *         3.5,
                 *         1.4,
                 *         0.2
                 *       ],
                 *       "explain": true
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The predictions, and the first row's explanation when asked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentPrediction"];
                };
            };
            /** @description The body is empty or not JSON (a Python tuple, say) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The deployment failed to load */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The deployment is still loading, or this server cannot serve it; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postDeploymentDeploymentIdPrediction: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "data": {
                 *         "sepal length (cm)": 5.1,
                 *         "sepal width (cm)": 3.5,
                 *         "petal length (cm)": 1.4,
                 *         "petal width (cm)": 0.2
                 *       },
                 *       "explanation": false
                 *     }
                 */
                "application/json": {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description The prediction as the inference containers answer it */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerPrediction"];
                };
            };
            /** @description The body is empty or not JSON (a Python tuple, say) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The deployment failed to load */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The deployment is still loading, or this server cannot serve it; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    deleteDeploymentDeploymentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment is in the trash */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrashedDeployment"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getDeploymentDeploymentIdManifest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deployment_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A Kubernetes List of a Deployment and a Service */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KubernetesList"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such deployment in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    getMltrainingJobId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                job_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The job with its log and outcome */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrainingJob"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description No such training job in this workspace */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description Too many unknown keys from this address; retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelsError"];
                };
            };
        };
    };
    postV1RequestsType: {
        parameters: {
            query?: {
                block?: number;
            };
            header?: {
                /** @description 1–255 visible ASCII characters: retrying with the same key returns the first request, not a new one */
                "Idempotency-Key"?: string;
            };
            path: {
                type: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                /**
                 * @example {
                 *       "instruction": "Does the image contain violent content?",
                 *       "attachments_type": "image",
                 *       "attachments": [
                 *         "http://i.imgur.com/qRWH5.jpg"
                 *       ],
                 *       "choices_type": "text",
                 *       "choices": [
                 *         "no violence",
                 *         "mild violence",
                 *         "intense violence"
                 *       ]
                 *     }
                 */
                "application/json": {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description The type of the choices: text (the default), image, video, audio or website.
                     * @default text
                     * @enum {string}
                     */
                    choices_type?: "text" | "image" | "video" | "audio" | "website";
                    /** @description The possible answers, each once. */
                    choices: string[];
                    /**
                     * @description Minimum number of choices picked. Defaults to 1.
                     * @default 1
                     */
                    min_answers?: number;
                    /**
                     * @description Maximum number of choices picked; 0 (the default) is no limit.
                     * @default 0
                     */
                    max_answers?: number;
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description Require the answer to be a number or an http(s) URL.
                     * @enum {string}
                     */
                    validation?: "number" | "url";
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description The minimum rating on the scale. Defaults to 0.
                     * @default 0
                     */
                    rating_min?: number;
                    /**
                     * @description The maximum rating on the scale. Defaults to 100.
                     * @default 100
                     */
                    rating_max?: number;
                    /**
                     * @description The step of the scale (granularity); it divides the scale evenly. Defaults to 1.
                     * @default 1
                     */
                    rating_step?: number;
                    /** @description The label of the minimum edge of the scale. */
                    label_min?: string;
                    /** @description The label of the maximum edge of the scale. */
                    label_max?: string;
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description point (x, y; the default) or rectangle (x, y, x2, y2); audio is marked by time (t) only.
                     * @default point
                     * @enum {string}
                     */
                    annotations_type?: "point" | "rectangle";
                    /**
                     * @description Minimum number of marks. Defaults to 1.
                     * @default 1
                     */
                    min_annotations?: number;
                    /**
                     * @description Maximum number of marks; 0 (the default) is no limit (up to 500).
                     * @default 0
                     */
                    max_annotations?: number;
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description point (x, y; the default) or rectangle (x, y, x2, y2); audio is marked by time (t) only.
                     * @default point
                     * @enum {string}
                     */
                    annotations_type?: "point" | "rectangle";
                    /**
                     * @description Minimum number of marks. Defaults to 1.
                     * @default 1
                     */
                    min_annotations?: number;
                    /**
                     * @description Maximum number of marks; 0 (the default) is no limit (up to 500).
                     * @default 0
                     */
                    max_annotations?: number;
                    /** @description The multiple-choice question answered for each mark: instruction, choices_type, choices, min_answers, max_answers. */
                    per_annotation: {
                        /** @description Sentence explaining in natural language what exactly is requested. */
                        instruction: string;
                        /**
                         * @description The type of the choices: text (the default), image, video, audio or website.
                         * @default text
                         * @enum {string}
                         */
                        choices_type?: "text" | "image" | "video" | "audio" | "website";
                        /** @description The possible answers, each once. */
                        choices: string[];
                        /**
                         * @description Minimum number of choices picked. Defaults to 1.
                         * @default 1
                         */
                        min_answers?: number;
                        /**
                         * @description Maximum number of choices picked; 0 (the default) is no limit.
                         * @default 0
                         */
                        max_answers?: number;
                    };
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description point (x, y; the default) or rectangle (x, y, x2, y2); audio is marked by time (t) only.
                     * @default point
                     * @enum {string}
                     */
                    annotations_type?: "point" | "rectangle";
                    /**
                     * @description Minimum number of marks. Defaults to 1.
                     * @default 1
                     */
                    min_annotations?: number;
                    /**
                     * @description Maximum number of marks; 0 (the default) is no limit (up to 500).
                     * @default 0
                     */
                    max_annotations?: number;
                    /** @description The free-text question answered for each mark: instruction, validation. */
                    per_annotation: {
                        /** @description Sentence explaining in natural language what exactly is requested. */
                        instruction: string;
                        /**
                         * @description Require the answer to be a number or an http(s) URL.
                         * @enum {string}
                         */
                        validation?: "number" | "url";
                    };
                } | {
                    /** @description Sentence explaining in natural language what exactly is requested. */
                    instruction: string;
                    /**
                     * @description The type of the attachments: text (the default), image, video, audio or website; all but text are http(s) URLs.
                     * @default text
                     * @enum {string}
                     */
                    attachments_type?: "text" | "image" | "video" | "audio" | "website";
                    /**
                     * @description Resources needed to perform the instruction. A text attachment dial:<number>[@<tones>] is a phone call.
                     * @default []
                     */
                    attachments?: string[];
                    /** @description An http(s) URL the completed request is POSTed to (signed). */
                    hook_url?: string;
                    /** @description Ids of crunchers who must not receive this request. */
                    exclude_crunchers?: string[];
                    /** @description Ask several crunchers and complete on agreement. Absent: the first answer completes. */
                    confidence?: {
                        /**
                         * @description How answers are combined: "majority" (the default) or "dawid-skene" (multiple-choice with one answer, and rating).
                         * @default majority
                         * @enum {string}
                         */
                        strategy?: "majority" | "dawid-skene";
                        /** @description majority: how many answers must agree. Defaults to a strict majority of max_crunchers, or 2. */
                        min_agreements?: number;
                        /** @description dawid-skene: the posterior probability the chosen answer must reach (0.5–0.999). Defaults to 0.9. */
                        min_confidence?: number;
                        /** @description The most crunchers asked. majority: defaults to 2 × min_agreements − 1; dawid-skene: 5. */
                        max_crunchers?: number;
                    };
                    /** @description The known answer, shaped like the response of this type: the request becomes a gold (control) question mixed into crunchers' work to score them. Not for image, video and audio. */
                    gold?: unknown;
                    /** @description Labels of the caller's own (the SDKs send tags=[]): stored, returned, and a filter of the request list (?tag=). */
                    tags?: string[];
                    /** @description A batch of the caller's own (a name or an id): requests sharing it are listed together by GET /v1/batch/{batch}. */
                    batch?: string;
                    /** @description Titles shown to crunchers: on annotation types mark i's panel is titled responseTitles[i]; on multiple-choice responseTitles[0] heads the choices. Ignored by other types. */
                    responseTitles?: string[];
                    /**
                     * @description point (x, y; the default) or rectangle (x, y, x2, y2); audio is marked by time (t) only.
                     * @default point
                     * @enum {string}
                     */
                    annotations_type?: "point" | "rectangle";
                    /**
                     * @description Minimum number of marks. Defaults to 1.
                     * @default 1
                     */
                    min_annotations?: number;
                    /**
                     * @description Maximum number of marks; 0 (the default) is no limit (up to 500).
                     * @default 0
                     */
                    max_annotations?: number;
                    /** @description The rating question answered for each mark: instruction, rating_min, rating_max, rating_step, label_min, label_max. */
                    per_annotation: {
                        /** @description Sentence explaining in natural language what exactly is requested. */
                        instruction: string;
                        /**
                         * @description The minimum rating on the scale. Defaults to 0.
                         * @default 0
                         */
                        rating_min?: number;
                        /**
                         * @description The maximum rating on the scale. Defaults to 100.
                         * @default 100
                         */
                        rating_max?: number;
                        /**
                         * @description The step of the scale (granularity); it divides the scale evenly. Defaults to 1.
                         * @default 1
                         */
                        rating_step?: number;
                        /** @description The label of the minimum edge of the scale. */
                        label_min?: string;
                        /** @description The label of the maximum edge of the scale. */
                        label_max?: string;
                    };
                };
            };
        };
        responses: {
            /** @description The Request object: pending, or complete when it was answered within ?block=N seconds */
            200: {
                headers: {
                    /** @description true when an Idempotency-Key was seen before and the first request is returned */
                    "idempotent-replayed"?: string;
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "44647b6f-b033-4788-9ee2-9d7aa5cb0158",
                     *       "status": "complete",
                     *       "response": [
                     *         "no violence"
                     *       ],
                     *       "type": "multiple-choice",
                     *       "instruction": "Does the image contain violent content?",
                     *       "attachments_type": "image",
                     *       "attachments": [
                     *         "http://i.imgur.com/qRWH5.jpg"
                     *       ],
                     *       "choices_type": "text",
                     *       "choices": [
                     *         "no violence",
                     *         "mild violence",
                     *         "intense violence"
                     *       ],
                     *       "created_at": "2026-01-05T09:30:00.000+00:00",
                     *       "completed_at": "2026-01-05T09:30:41.000+00:00"
                     *     }
                     */
                    "application/json": components["schemas"]["TaskRequest"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Unknown request type */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getV1RequestsRequestId: {
        parameters: {
            query?: {
                block?: number;
            };
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Request object; with ?block=N, as soon as it is complete or after N seconds */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "id": "44647b6f-b033-4788-9ee2-9d7aa5cb0158",
                     *       "status": "pending",
                     *       "type": "free-text",
                     *       "instruction": "Translate from Spanish to English",
                     *       "created_at": "2026-01-05T09:30:00.000+00:00",
                     *       "completed_at": null
                     *     }
                     */
                    "application/json": components["schemas"]["TaskRequest"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No request with this id for this key (live and test keys see their own) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    deleteV1RequestsRequestId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Aborted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["AbortResult"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No request with this id for this key (live and test keys see their own) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The request is no longer pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    postV1TasksAbortRequestId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Aborted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "success": true
                     *     }
                     */
                    "application/json": components["schemas"]["AbortResult"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No request with this id for this key (live and test keys see their own) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The request is no longer pending */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    postV1TasksArchiveRequestId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                request_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The Request object, archived (any status; archiving again changes nothing) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskRequest"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The key's role does not allow this (a viewer key that writes) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No request with this id for this key (live and test keys see their own) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The body is larger than the server takes (API_BODY_LIMIT_BYTES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getV1SimulatedFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sample file's bytes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No such sample file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getV1BatchBatchId: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
            };
            header?: never;
            path: {
                batch_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The batch and a page of its requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TaskBatchWithRequests"];
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No key, or an unknown, revoked, expired or wrong-scope one */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No batch with this name for this key */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description Past the key's request rate (CRUCIBLE_TASKS_RATE); retry after Retry-After seconds */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The database cannot be reached; retry shortly */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
    getV1FilesFileId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                file_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file's bytes (206 with the part asked for by a Range header) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description The request's body, path or query is invalid: every problem is listed */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description No such file */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The range is outside the file */
            416: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
            /** @description The server failed; the failure is logged */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TasksError"];
                };
            };
        };
    };
}
