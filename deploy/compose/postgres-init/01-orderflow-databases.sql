-- One database per service plus the payment provider's ledger: run once by the postgres image's entrypoint
-- (/docker-entrypoint-initdb.d) on an empty data volume. Each service's Flyway creates its own tables.
CREATE DATABASE order_db;
CREATE DATABASE inventory_db;
CREATE DATABASE payment_db;
CREATE DATABASE shipping_db;
CREATE DATABASE payment_provider_db;
