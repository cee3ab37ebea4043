export declare const STATIC_SECURITY_HEADERS: { key: string; value: string }[];
export declare function pagePolicy(nonce: string, options?: { development?: boolean }): string;
export declare const READING_VIEW_POLICY: string;
export declare const UNNONCED_PAGE_POLICY: string;
