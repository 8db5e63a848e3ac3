// next-auth's own routes: csrf, callback/credentials (and GitHub when configured), session, signout.
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
