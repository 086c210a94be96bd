/** Where a resolution mail's rating link points (routed in http.ts, like unsubscribe). */
export const SATISFACTION_PATH = "/mail/rate";
