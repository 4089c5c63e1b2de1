// wink-naive-bayes-text-classifier ships no types; this is what the classifier comparison uses.
declare module "wink-naive-bayes-text-classifier" {
  interface NaiveBayes {
    definePrepTasks(tasks: ((text: string) => string[])[]): number;
    defineConfig(config: { considerOnlyPresence?: boolean; smoothingFactor?: number }): boolean;
    learn(input: string, label: string): boolean;
    consolidate(): boolean;
    computeOdds(input: string): [string, number][];
    predict(input: string): string;
  }
  export default function winkClassifier(): NaiveBayes;
}
