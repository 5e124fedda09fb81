// Orders, stock, assignments and candidate status (R1–R9, R19).
export {};
