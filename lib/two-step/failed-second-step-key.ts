/** The outbox key of a sign-in's "wrong code" notice: the session that owes the step names it, so passing can call it off. */
export const failedSecondStepNoticeKey = (sessionId: string) => `failed-second-step:${sessionId}`;
