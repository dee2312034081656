// Account rules. GoTrue's default minimum password length is 6 (GOTRUE_PASSWORD_MIN_LENGTH),
// and the local stack asks for the same. No imports: the SPA's error sentences use it on the
// first screen without loading zod.
export const PASSWORD_MIN_LENGTH = 6;
