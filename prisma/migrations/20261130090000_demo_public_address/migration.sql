-- The demo newsroom used to be seeded with the example address https://factdesk.example.org, so its
-- fact-checks were published under that address wherever the demo ran. Without an address of its own, a
-- newsroom publishes under the address the app is served from (app/publishing/public-url.server.ts): clear
-- the demo's. An address an admin set is kept.
UPDATE "NewsroomSettings"
SET "publicUrl" = NULL
WHERE "id" = 1 AND "name" = 'Factdesk Demo Newsroom' AND "publicUrl" = 'https://factdesk.example.org';
