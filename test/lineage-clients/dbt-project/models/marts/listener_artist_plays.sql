-- Plays per listener and artist: joins the three staging models.
select
    p.listener_id,
    l.country_code,
    a.artist_name,
    count(p.play_id) as play_count,
    sum(p.seconds_played) as seconds_played
from {{ ref('stg_plays') }} as p
join {{ ref('stg_listeners') }} as l on l.listener_id = p.listener_id
join {{ ref('stg_artists') }} as a on a.artist_id = p.artist_id
group by p.listener_id, l.country_code, a.artist_name
