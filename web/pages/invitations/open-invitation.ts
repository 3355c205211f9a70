/** An invitation that can still be accepted, as the pages listing an organisation's (or the zone staff's) show it. */
export interface OpenInvitation {
  /** The invitation's id (for revoking); not a secret, the token is. */
  tokenHash: string;
  email: string;
  /** The name the inviter gave (zone staff invitations); null for an organisation's. */
  name: string | null;
  role: "enterprise" | "bank" | "reviewer" | "zone_admin";
  /** Who sent it: their email, or their id if that user is gone. */
  invitedBy: string;
  /** Milliseconds since the epoch (UTC). */
  createdAt: number;
  expiresAt: number;
}
