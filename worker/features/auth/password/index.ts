/** Password hashing and password rules; the other files in this folder are internal. */
export {
  burnPasswordCheck,
  CURRENT_PASSWORD_PARAMS,
  hashPassword,
  PBKDF2_MAX_ITERATIONS,
  verifyPassword,
} from "./hash";
export type { HashPasswordOptions, PasswordVerification } from "./hash";
export { checkNewPassword, isPasswordExpired, PASSWORD_ROTATION_DAYS } from "./policy";
export type { NewPasswordContext } from "./policy";
