import { testDocument } from './fixtures.js';

/** The small catalog the SearchIndex contract runs its queries against. */
export const CORPUS = [
  testDocument('listener-profiles', {
    title: 'Listener profiles',
    description: 'One row per listener with subscription tier and preferences.',
    domain: 'listener',
    owner: 'listener-team',
    tags: ['profiles', 'pii'],
    fieldNames: ['listener_id', 'subscription_tier'],
  }),
  testDocument('listener-demographics', {
    title: 'Listener demographics',
    description: 'Age band, region and language of every listener.',
    domain: 'listener',
    owner: 'listener-team',
    tags: ['demographics'],
    portKinds: ['table', 'api'],
  }),
  testDocument('play-events', {
    title: 'Play events',
    description: 'Near-real-time play events from every player app, one per listener play.',
    domain: 'player',
    owner: 'player-team',
    tags: ['events', 'streaming'],
    portKinds: ['stream'],
    fieldNames: ['played_at', 'track_id'],
  }),
  testDocument('artist-profiles', {
    title: 'Artist profiles',
    description: 'Biographies, genres and labels of artists.',
    domain: 'artist',
    owner: 'artist-team',
    tags: ['profiles'],
  }),
  testDocument('podcast-demographics', {
    title: 'Podcast demographics',
    description: 'Audience demographics per podcast show.',
    domain: 'podcast',
    owner: 'podcast-team',
    tags: ['demographics'],
    status: 'deprecated',
  }),
  testDocument('churn-scores', {
    title: 'Subscriber churn risk',
    description: 'Weekly model output.',
    domain: 'recommendations',
    owner: 'ml-team',
    fieldNames: ['churn_probability'],
  }),
];
