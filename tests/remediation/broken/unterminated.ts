const token = "process.env.X;
export const y = token;
