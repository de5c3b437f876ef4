"""Sends one job run to an OpenLineage endpoint with the openlineage-python client, as a producer would.

    emit_events.py [URL]        URL defaults to $OPENLINEAGE_URL; events go to URL/api/v1/lineage

A START and a COMPLETE RunEvent for the job `streaming-pipelines` / `daily_listener_plays`, which reads
`player.public.play_events` from the player database and writes `marts/listener_daily_plays` to the
lake. Both datasets carry a schema facet; the output carries a columnLineage facet. Prints the runId.
Exits non-zero when the server refuses an event. Run by test/e2e/lineage-clients.test.ts.
"""

import os
import sys
from datetime import datetime, timedelta, timezone

from openlineage.client import OpenLineageClient
from openlineage.client.event_v2 import InputDataset, Job, OutputDataset, Run, RunEvent, RunState
from openlineage.client.facet_v2 import column_lineage_dataset as cl
from openlineage.client.facet_v2 import job_type_job, schema_dataset
from openlineage.client.transport.http import ApiKeyTokenProvider, HttpConfig, HttpTransport, TokenProvider
from openlineage.client.uuid import generate_new_uuid

PRODUCER = "https://quanta.example/test/lineage-clients/emit_events.py"
JOB_NAMESPACE = "streaming-pipelines"
JOB_NAME = "daily_listener_plays"
PLAYER_DB = "postgres://player-db.streaming.example:5432"
LAKE = "s3://streaming-lake"


def schema(*fields: tuple[str, str, str]) -> schema_dataset.SchemaDatasetFacet:
    return schema_dataset.SchemaDatasetFacet(
        fields=[schema_dataset.SchemaDatasetFacetFields(name=n, type=t, description=d) for n, t, d in fields]
    )


def from_play_events(field: str, subtype: str, description: str) -> cl.Fields:
    return cl.Fields(
        inputFields=[
            cl.InputField(
                namespace=PLAYER_DB,
                name="player.public.play_events",
                field=field,
                transformations=[cl.Transformation(type="DIRECT", subtype=subtype, description=description)],
            )
        ]
    )


def main() -> int:
    url = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("OPENLINEAGE_URL")
    if not url:
        print("usage: emit_events.py URL (or set OPENLINEAGE_URL)", file=sys.stderr)
        return 2
    # The client's own API-key auth: it sends "Authorization: Bearer <key>", which is how Quanta
    # takes an owner's token (OPENLINEAGE_API_KEY is the variable the client itself reads from env).
    api_key = os.environ.get("OPENLINEAGE_API_KEY")
    auth = ApiKeyTokenProvider({"apiKey": api_key}) if api_key else TokenProvider({})
    client = OpenLineageClient(transport=HttpTransport(HttpConfig(url=url, timeout=10.0, auth=auth)))

    play_events = InputDataset(
        namespace=PLAYER_DB,
        name="player.public.play_events",
        facets={
            "schema": schema(
                ("play_id", "BIGINT", "One play of a track"),
                ("listener_id", "BIGINT", "Who listened"),
                ("played_at", "TIMESTAMP", "When the play started"),
                ("ms_played", "INTEGER", "Listening time in milliseconds"),
            )
        },
    )
    daily_plays = OutputDataset(
        namespace=LAKE,
        name="marts/listener_daily_plays",
        facets={
            "schema": schema(
                ("listener_id", "BIGINT", "Who listened"),
                ("play_day", "DATE", "Day of the plays"),
                ("minutes_played", "DOUBLE", "Listening time that day, in minutes"),
            ),
            "columnLineage": cl.ColumnLineageDatasetFacet(
                fields={
                    "listener_id": from_play_events("listener_id", "IDENTITY", "copied"),
                    "play_day": from_play_events("played_at", "TRANSFORMATION", "cast(played_at as date)"),
                    "minutes_played": from_play_events("ms_played", "AGGREGATION", "sum(ms_played) / 60000.0"),
                }
            ),
        },
    )
    run = Run(runId=str(generate_new_uuid()))
    job = Job(
        namespace=JOB_NAMESPACE,
        name=JOB_NAME,
        facets={"jobType": job_type_job.JobTypeJobFacet(processingType="BATCH", integration="PYTHON", jobType="JOB")},
    )
    started = datetime.now(timezone.utc) - timedelta(seconds=30)
    for state, at in ((RunState.START, started), (RunState.COMPLETE, started + timedelta(seconds=20))):
        client.emit(
            RunEvent(
                eventType=state,
                eventTime=at.isoformat(),
                run=run,
                job=job,
                producer=PRODUCER,
                inputs=[play_events],
                outputs=[daily_plays],
            )
        )
    client.close()
    print(run.runId)
    return 0


if __name__ == "__main__":
    sys.exit(main())
