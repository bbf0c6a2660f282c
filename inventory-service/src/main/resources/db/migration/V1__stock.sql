CREATE TABLE stock_item (
    sku       VARCHAR(32) PRIMARY KEY,
    name      TEXT   NOT NULL,
    available INT    NOT NULL CHECK (available >= 0),
    reserved  INT    NOT NULL CHECK (reserved >= 0),
    shipped   INT    NOT NULL CHECK (shipped >= 0),
    version   BIGINT NOT NULL
);

-- The documented catalogue (README); LS-006 is scarce on purpose, for out-of-stock paths.
INSERT INTO stock_item (sku, name, available, reserved, shipped, version) VALUES
    ('KB-001', 'Mechanical keyboard', 500, 0, 0, 0),
    ('MS-002', 'Wireless mouse', 500, 0, 0, 0),
    ('MN-003', '27-inch monitor', 200, 0, 0, 0),
    ('HS-004', 'Headset', 300, 0, 0, 0),
    ('CB-005', 'USB-C cable', 1000, 0, 0, 0),
    ('LS-006', 'Laptop stand', 3, 0, 0, 0);
