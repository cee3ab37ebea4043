-- A transcript claim names its speaker (the "NAME:" label of its turn), kept out of its text.
ALTER TABLE "Claim" ADD COLUMN "speaker" TEXT;
