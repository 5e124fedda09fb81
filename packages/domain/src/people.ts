// Request schemas and messages, candidates, groups, codes, documents, dashboard (R10–R18, R20–R21).
export {};
