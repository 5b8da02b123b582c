Console.WriteLine("Comments.Training: train | evaluate");
