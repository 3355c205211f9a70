/** An invitation that can still be accepted, as the pages listing an organisation's invitations show it. */
export interface OpenInvitation {
  /** The invitation's id (for revoking); not a secret, the token is. */
  tokenHash: string;
  email: string;
  role: "enterprise" | "bank";
  /** Who sent it: their email, or their id if that user is gone. */
  invitedBy: string;
  /** Milliseconds since the epoch (UTC). */
  createdAt: number;
  expiresAt: number;
}
