// Fields that HTML forms send besides the JSON API's input (lib/forms.ts parses both).
import { z } from "zod";
import { safeCallbackPath } from "./user";

/**
 * The page a form was on ("/t/x?sort=new#p-12"), where its work leads back without JavaScript:
 * a path of this site only, never another origin (the form is the member's, its fields are not).
 */
export const returnToField = z
  .string()
  .optional()
  .transform((path) => safeCallbackPath(path));
