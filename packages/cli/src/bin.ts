#!/usr/bin/env node
import { main } from './main';
import { capYoungGeneration } from './young-generation';

// Only the mimic process itself: embedders of createMimic keep V8's defaults.
capYoungGeneration();
void main();
