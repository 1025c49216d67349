/** Page-side web push: the offer moments, this device's subscription, and the topics' words. */
export { offerPush, noteProductView, noteCategoryView } from './offer';
export { currentSubscription, PushDeniedError, requestPushPermission, setDeviceTopics, subscribePush, unsubscribePush } from './push-client';
export { pushAvailability, readPushEnvironment, type PushAvailability } from './push-support';
export { TOPIC_LABELS } from './topic-labels';
export type { OfferMoment } from './offer-rules';
