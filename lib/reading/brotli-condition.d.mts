export declare const ACCEPTS_BR: string;
export declare const SESSION_COOKIES: readonly string[];
export declare const brotliCondition: {
  has: { type: "header"; key: string; value: string }[];
  missing: { type: "cookie"; key: string }[];
};
