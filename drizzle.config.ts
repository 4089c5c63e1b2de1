import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  schema: "./src/core/storage/schema.ts",
  out: "./migrations",
  casing: "snake_case",
});
