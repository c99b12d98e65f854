import type { AppRole } from '../app/roles.js';
import type { AppVisibility } from '../version/version.js';

export interface Qualification {
  id: string;
  type: string;
  number: string;
  expiresAt: string;
  fileSha256: string | null;
  createdAt: string;
}

export interface Member {
  principal: string;
  role: AppRole;
}

export interface App {
  appId: string;
  name: string;
  brand: string;
  category: string;
  description: string;
  visibility: AppVisibility;
  revision: number;
  experienceVersion: string | null;
  liveVersion: string | null;
  grayVersion: string | null;
  grayPercentage: number | null;
  experiencers: string[];
  qualifications: Qualification[];
  members: Member[];
  createdAt: string;
  updatedAt: string;
}
