-- The conflict check (src/services/verkehr/conflicts.ts) with indexes that row-level security
-- lets it use.
--
-- Under the forced policy of traffic_orders only leakproof conditions become index conditions
-- (see 0008): `&&` on the box and on the daterange stayed filters, so a drawn check read every
-- order ending after the new period's start from the table — at 100,000 orders in one town
-- (benchmark B4) some 4,500 rows per check, growing with every order planned ahead. The bounds
-- of the drawing as plain numbers, compared with <= and >=, and one b-tree over the period and
-- the bounds let the index alone drop the orders that overlap neither in time nor in space; the
-- street index of typed places gets the period's first day for the same reason.

ALTER TABLE traffic_orders
  ADD COLUMN footprint_min_x float8 GENERATED ALWAYS AS ((footprint[1])[0]) STORED,
  ADD COLUMN footprint_min_y float8 GENERATED ALWAYS AS ((footprint[1])[1]) STORED,
  ADD COLUMN footprint_max_x float8 GENERATED ALWAYS AS ((footprint[0])[0]) STORED,
  ADD COLUMN footprint_max_y float8 GENERATED ALWAYS AS ((footprint[0])[1]) STORED;

-- Drawn orders only (a condition on the bounds implies they are not null, so the planner can use it).
CREATE INDEX traffic_orders_drawn ON traffic_orders
  (tenant_id, occupied_to, occupied_from, footprint_min_x, footprint_max_x, footprint_min_y, footprint_max_y)
  WHERE footprint_min_x IS NOT NULL;

DROP INDEX traffic_orders_street;
CREATE INDEX traffic_orders_street ON traffic_orders (tenant_id, street_key, occupied_to, occupied_from);
