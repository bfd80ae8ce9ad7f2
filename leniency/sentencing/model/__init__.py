"""The learned sentencing model (no Django): trained on decided judgments, it corrects the calculator.

from leniency.sentencing.model import train, current_model
model = train(judgments)               # corpus.Judgment objects with terms
model.save(directory)                  # versioned artifact + JSON sidecar
model = current_model(directory)       # the newest artifact there, or None
model.predict_one(facts, calculation)  # -> ModelPrediction(months, low, high)
"""

from leniency.sentencing.model.artifact import current_model, load_model, save_model
from leniency.sentencing.model.estimator import ModelPrediction, SentencingModel, train

__all__ = ["ModelPrediction", "SentencingModel", "current_model", "load_model", "save_model", "train"]
