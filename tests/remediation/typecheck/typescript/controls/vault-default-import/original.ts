export const token = "pul-<redacted>";
