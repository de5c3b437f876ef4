select
    listener_id,
    display_name,
    upper(country_code) as country_code
from {{ source('raw', 'listeners') }}
