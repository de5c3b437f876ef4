select
    play_id,
    listener_id,
    artist_id,
    cast(played_at as timestamp) as played_at,
    ms_played / 1000.0 as seconds_played
from {{ source('raw', 'plays') }}
